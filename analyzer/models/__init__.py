"""Learned models on top of the rules: a sentence classifier on frozen MiniLM embeddings and its training.

``labels`` defines the label sets and the weak labelling cues, ``head`` the torch head and its
artifact, ``classifier`` inference over sentences, ``data`` the training corpora (2006-2009 Reuters
and the 2025-02 TradingView items; never reserved text), ``train`` the seeded training run and
``neardup`` the labelled story pairs that fix the near-duplicate threshold.
"""
