"""Training the learned models: code that sits above ``extract`` and ``models``.

It may import both (the rule pipeline gives the baseline and the weak labels, the model side gives the
network and its artifact); nothing below imports it. ``tagger_data`` turns gold records into sentence and
token labels, ``tagger_train`` fine-tunes all-MiniLM-L6-v2 and measures the ablation.
"""
