//! Ingestion: files, HTML, JSON, WARC, feeds and HTTP into articles. (Being built: issue 5.)
