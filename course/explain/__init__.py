"""Teaching visualisations for module 1: tokens, next word, hallucination, a tiny classifier, safety.

Each submodule has plain functions (tested) and a widget built on them (one call per notebook cell):
`tokens.token_view()`, `nextword.next_word_explorer()`, `hallucination.hallucination_demo()`,
`classifier.try_classifier(model)`, `safety.safety_sorter()`.
"""
