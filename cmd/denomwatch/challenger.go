package main

// challengerKeyEnv holds the challenger key (hex) when it comes from the
// environment; there is no flag for the key itself, which would show in ps.
const challengerKeyEnv = "DENOMWATCH_CHALLENGER_KEY"
