//! Storage: the SQLite ledger. (Being built: issue 5.)
