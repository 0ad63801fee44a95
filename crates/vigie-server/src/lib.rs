//! HTTP API and dashboard. (Being built: issue 6.)
