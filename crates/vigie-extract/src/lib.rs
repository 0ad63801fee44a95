//! Events: sentences, amounts, places and organisations assembled into contract events. (Being built: issue 4.)
