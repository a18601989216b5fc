"""The fields our components read and write on a spaCy ``Doc``, registered once for all of them."""

from spacy.tokens import Doc

for _name, _default in (("claims", None), ("article_id", ""), ("published", None), ("instruments", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
