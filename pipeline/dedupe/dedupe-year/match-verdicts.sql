-- Every verdict a person gave on a pair of records (matched by their fingerprints), for the matcher to follow.
SELECT fingerprint_a, fingerprint_b, verdict FROM match_verdict
