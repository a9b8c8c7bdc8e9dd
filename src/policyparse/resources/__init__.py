"""Rules, lexicons and gazetteers shipped as data (loaded through `policyparse.rules`)."""
