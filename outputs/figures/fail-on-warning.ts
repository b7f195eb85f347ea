/**
 * A vega / vega-lite logger that turns every warning into an error. A warning means part of the
 * spec was dropped (an encoding the mark cannot show, an unknown field), which would otherwise
 * only scroll past on the console while the figure silently lacks it.
 */
import { Warn, type LoggerInterface } from 'vega';

export class FailOnWarning implements LoggerInterface {
  #level = Warn;

  level(): number;
  level(value: number): this;
  level(value?: number): number | this {
    if (value === undefined) return this.#level;
    this.#level = value;
    return this;
  }

  error(...messages: readonly unknown[]): this {
    throw new Error(`vega: ${messages.map(String).join(' ')}`);
  }

  warn(...messages: readonly unknown[]): this {
    throw new Error(`vega warning: ${messages.map(String).join(' ')}`);
  }

  info(): this {
    return this;
  }

  debug(): this {
    return this;
  }
}
