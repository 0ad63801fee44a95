//! ECB euro reference rates, compiled in. (Being built: issue 5.)
