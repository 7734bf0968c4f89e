"""Legal lookup: the corpus of Vietnamese codes, search, cited answers, document import."""
