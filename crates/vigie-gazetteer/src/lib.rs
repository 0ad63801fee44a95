//! Gazetteers: French geography, countries, organisations, sectors. (Being built: issue 3.)
