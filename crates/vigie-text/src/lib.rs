//! Text layer: bytes to clean sentences, language, and every amount. (Being built: issue 2.)
