"""The one base of our spaCy components: what each reads and writes, checked when it is added, and a scorer.

Every component is a ``Pipe`` registered with ``@Language.factory`` (``assigns``, ``requires``,
``default_config``) in ``analyzer.extract.factories``, which the package's ``spacy_factories`` entry points
name, so spaCy knows them without importing ``analyzer`` first. When a component is added,
``check_requirements`` looks at the pipeline it joins: what the base model must provide (a parse, lemmas,
entities) must be there, else the add fails with an error that says what to do; what another of our
components provides (``doc._.instruments``) is added for the caller. A component that still finds its input
missing when it runs (added before its dependency, or with it disabled) fails with the same kind of error
instead of returning nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example

from analyzer.errors import InputError
from analyzer.extract.doc_fields import CLAIMS_SPAN_KEY

# what our components read from the base model, each with the component that provides it there
PARSE = ["doc.sents", "token.dep", "token.head"]
TAGS = ["token.tag", "token.lemma"]
ENTITIES = ["doc.ents"]
NATIVE_PROVIDERS = {"doc.sents": "parser", "token.dep": "parser", "token.head": "parser", "token.tag": "tagger",
                    "token.lemma": "lemmatizer", "doc.ents": "ner"}
# what our components provide to each other: the attribute and the factory that assigns it
OUR_PROVIDERS = {"doc._.instruments": "instrument_mentions"}
CLAIM_COMPONENTS = ("market_claims", "rate_policy_claims", "deal_claims", "valuation_opinions")


TEXT_KEY = "analyzer.text"  # where doc_text keeps a doc's text in its user data


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc: spaCy joins every token's text (making a ``Token`` for each) on
    each access, and the components read the text per mention and per sentence."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


ARTICLE_TEXT_KEY = "analyzer.article_text"  # the whole article's text, where the doc is its gated reduction


def article_text(doc: Doc) -> str:
    """The whole text of the doc's article: what the gate left out of a reduced doc still says what the story is
    about (the country whose 'central bank' it speaks of)."""
    return doc.user_data.get(ARTICLE_TEXT_KEY) or doc_text(doc)


def span_text(span: Span) -> str:
    """``span.text`` cut from the doc's text, joined once (``Span.text`` joins its tokens on each access)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def check_requirements(nlp: Language, name: str, requires: Iterable[str]) -> None:
    """Fail with a clear error when the base model lacks what component ``name`` reads; add the
    ``analyzer`` components it reads from when they are missing (appended: they run before ``name``
    when ``name`` is appended after them, the usual ``nlp.add_pipe(name)``)."""
    assigned = {attr for pipe_name in nlp.pipe_names for attr in nlp.get_pipe_meta(pipe_name).assigns}
    factories = set(nlp.pipe_factories.values())
    missing_native = [a for a in requires if a in NATIVE_PROVIDERS and a not in assigned]
    if missing_native:
        needed = sorted({NATIVE_PROVIDERS[a] for a in missing_native})
        raise InputError(f"the {name!r} component reads {', '.join(missing_native)}, which no component of this "
                         f"pipeline ({', '.join(nlp.pipe_names) or 'empty'}) assigns: add it to a pipeline with "
                         f"{', '.join(needed)}, e.g. spacy.load('en_core_web_sm')")
    for attr in requires:
        provider = OUR_PROVIDERS.get(attr)
        if provider is not None and provider not in factories:
            nlp.add_pipe(provider)


def require_claim_components(nlp: Language, name: str) -> None:
    """The classifier judges the claims of the rule components: one of them must be in the pipeline."""
    factories = set(nlp.pipe_factories.values())
    if not factories & set(CLAIM_COMPONENTS):
        raise InputError(f"the {name!r} component judges claims, and this pipeline has no component that makes "
                         f"them: add one of {', '.join(CLAIM_COMPONENTS)} before it")


def missing_input(name: str, attr: str, provider: str) -> InputError:
    """The error of a component that runs before what it reads was assigned."""
    return InputError(f"the {name!r} component needs {attr}, which is not set on this doc: add {provider!r} "
                      f"before {name!r} in the pipeline (nlp.add_pipe({provider!r}, before={name!r})) and keep "
                      "it enabled")


class ExtractComponent(Pipe):
    """A rule component: stateless between documents (everything it learns about a doc stays in locals or
    on the doc), with a scorer over the claims it makes (``kinds``) in ``doc.spans["market_claims"]``."""

    kinds: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError(f"{type(self).__name__} must define __call__")

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict[str, object]:
        """Precision, recall and F1 of this component's claim spans (label = kind) against the reference docs'
        ``doc.spans["market_claims"]``: ``<name>_p``, ``<name>_r``, ``<name>_f`` and ``<name>_per_type``."""
        if not self.kinds:
            return {}
        kinds = set(self.kinds)

        def getter(doc: Doc, attr: str) -> list[Span]:
            return [s for s in doc.spans.get(CLAIMS_SPAN_KEY, []) if s.label_ in kinds]

        return Scorer.score_spans(list(examples), self.name, getter=getter, labeled=True, allow_overlap=True,
                                  has_annotation=lambda doc: CLAIMS_SPAN_KEY in doc.spans)


class BatchedComponent(ExtractComponent):
    """A component that reads docs in batches (a learned model's ``predict`` over many sentences at once):
    ``__call__`` and ``pipe`` hand lists of docs to ``_process``."""

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            yield from self._process(batch)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        raise NotImplementedError(f"{type(self).__name__} must define _process")
