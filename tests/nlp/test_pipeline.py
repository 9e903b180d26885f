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


def test_wire_datelines_are_their_own_sentence_and_no_actor(nlp):
    doc = nlp("KABUL, May 3 (Reuters) - Militants attacked a checkpoint.\n\n"
              "The ministry said the attack - its third - failed.")
    assert doc._.fp_datelines == [(0, 8)]
    assert [s.text.strip() for s in doc.sents][:2] == ["KABUL, May 3 (Reuters) -",
                                                       "Militants attacked a checkpoint."]
    assert not any(a.name in ("KABUL", "Reuters") for a in doc._.fp_actors)
    assert len(doc._.fp_datelines) == 1  # a dash inside a sentence is no dateline
