//! HTTP fetching (being built).
