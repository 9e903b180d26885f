from flashpoint.nlp.components.base import Component
from flashpoint.nlp.pipeline import COMPONENTS


def test_components_declare_and_satisfy_their_contracts(nlp):
    for name in COMPONENTS:
        assert name in nlp.pipe_names
    analysis = nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_no_sentence_crosses_a_paragraph_break(nlp):
    text = ("A photo caption without a full stop | Agency photo\n\nThe minister said it "
            "was over.\nA dateline line\nAnother paragraph begins here.")
    doc = nlp(text)
    for sent in doc.sents:
        assert "\n" not in sent.text.strip(), sent.text


def test_a_failing_stage_is_recorded_not_raised(nlp):
    class Broken(Component):
        stage = "broken"
        outputs = ("fp_events",)

        def find(self, doc):
            raise ValueError("boom")

    doc = Broken()(nlp.make_doc("Some text."))
    assert doc._.fp_errors[0].stage == "broken" and "boom" in doc._.fp_errors[0].message
    assert doc._.fp_events == []
