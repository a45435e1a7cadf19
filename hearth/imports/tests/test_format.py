"""The format's three descriptions agree: the JSON Schema, the event classes the runner reads
and the apps' code lists, and the documentation's example."""

import dataclasses
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from hearth.assessments.codes import AssessmentFactor, AssessmentOutcome, PartnerAgency
from hearth.care.codes import (
    CategoryOfNeed,
    LegalStatus,
    Participation,
    PlacementType,
    ProviderType,
    Provision,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
)
from hearth.frontdoor.codes import (
    Consent,
    ContactDecision,
    PrimaryNeed,
    Rag,
    ReasonForClosure,
    ReferralSource,
)
from hearth.health_education.codes import ContactKind as EducationContactKind
from hearth.health_education.codes import HealthCheckKind, SdqReason
from hearth.imports.history import EVENT_TYPES
from hearth.imports.validation import schema, schema_problems
from hearth.leaving_care.codes import Accommodation, Activity, Category, Entitlement, InTouch
from hearth.leaving_care.codes import ContactKind as CareLeaverContactKind
from hearth.missing.codes import MissingKind, Risk
from hearth.people.codes import Disability, Ethnicity, RelationshipKind, Sex
from hearth.permanence import codes as permanence
from hearth.protection.codes import Agency, CategoryOfAbuse, Section47Outcome, StrategyDecision

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "case-history-example.json"
DOCS = Path(settings.BASE_DIR) / "docs" / "import-format.md"


def codes(definition: dict) -> set[str]:
    found = definition.get("enum") or definition["items"]["enum"]
    return set(found) - {""}


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
def test_each_event_type_has_the_fields_the_runner_reads(event_type):
    definition = schema()["$defs"][event_type]
    fields = dataclasses.fields(EVENT_TYPES[event_type])
    required = {f.name for f in fields if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING}

    assert set(definition["properties"]) == {"type", *(f.name for f in fields)}
    assert required | {"type"} <= set(definition["required"])
    assert definition["additionalProperties"] is False


@pytest.mark.parametrize(("where", "field", "choices"), [
    ("contact", "source", ReferralSource), ("contact", "consent", Consent),
    ("rating", "rag", Rag), ("decision", "decision", ContactDecision),
    ("decision", "primary_need", PrimaryNeed), ("referral", "source", ReferralSource),
    ("assessment_complete", "factors", AssessmentFactor),
    ("assessment_contribution", "agency", PartnerAgency),
    ("assessment_authorise", "outcome", AssessmentOutcome),
    ("strategy_discussion", "decision", StrategyDecision),
    ("section47_outcome", "outcome", Section47Outcome),
    ("initial_conference", "category", CategoryOfAbuse),
    ("closure", "reason", ReasonForClosure), ("participant", "agency", Agency),
    ("person", "sex", Sex), ("person", "ethnicity", Ethnicity),
    ("person", "disabilities", Disability), ("relationship", "kind", RelationshipKind),
    ("care_start", "legal_status", LegalStatus), ("care_start", "category_of_need", CategoryOfNeed),
    ("care_start", "placement_type", PlacementType), ("care_start", "provider_type", ProviderType),
    ("care_start", "provision", Provision), ("care_episode", "legal_status", LegalStatus),
    ("care_start", "reason_new_episode", ReasonNewEpisode),
    ("care_episode", "placement_type", PlacementType),
    ("care_episode", "reason_place_change", ReasonPlaceChange),
    ("cla_review", "participation", Participation),
    ("health_check", "kind", HealthCheckKind), ("sdq", "reason", SdqReason),
    ("education_contact", "kind", EducationContactKind),
    ("missing_episode", "kind", MissingKind), ("missing_episode", "risks", Risk),
    ("return_interview", "risks_found", Risk), ("care_leaver", "category", Category),
    ("care_leaver_category", "category", Category),
    ("care_leaver_contact", "kind", CareLeaverContactKind),
    ("care_leaver_situation", "in_touch", InTouch),
    ("care_leaver_situation", "activity", Activity),
    ("care_leaver_situation", "accommodation", Accommodation),
    ("entitlement_offer", "kind", Entitlement),
    ("permanence_plan", "plan_type", permanence.PlanType),
    ("permanence_plan", "stage", permanence.Stage),
    ("permanence_stage", "stage", permanence.Stage),
    ("permanence_panel", "kind", permanence.PanelKind),
    ("adoption_reversed", "reversed_reason", permanence.ReasonNoLongerPlaced),
    ("sgo_assessment", "relationship", permanence.GuardianRelationship),
    ("previous_permanence", "order", permanence.PreviousPermanenceOrder),
])
def test_the_schema_allows_exactly_the_apps_codes(where, field, choices):
    assert codes(schema()["$defs"][where]["properties"][field]) == set(choices.values)


def test_care_ends_with_any_reason_but_x1_which_only_ends_an_episode():
    allowed = codes(schema()["$defs"]["care_end"]["properties"]["reason"])

    assert allowed == set(ReasonEpisodeCeased.values) - {ReasonEpisodeCeased.X1}


def test_a_care_start_and_an_episode_change_carry_the_same_placement_fields():
    start = schema()["$defs"]["care_start"]["properties"]
    change = schema()["$defs"]["care_episode"]["properties"]
    placement = {name for name in start if "placement" in name or name in (
        "provider_type", "provision", "urn", "home_postcode", "intended_until_18",
        "head_of_service_agreed")}

    assert len(placement) == 8
    assert all(change[name] == start[name] for name in placement)


def test_the_example_is_valid_against_the_schema():
    assert schema_problems(json.loads(EXAMPLE.read_text())) == []


def test_the_documentation_shows_the_example_file():
    blocks = re.findall(r"```json\n(.*?)```", DOCS.read_text(), flags=re.DOTALL)

    assert json.loads(blocks[-1]) == json.loads(EXAMPLE.read_text())


def test_the_documentation_describes_every_event_type():
    text = DOCS.read_text()

    for event_type in EVENT_TYPES:
        assert f"#### `{event_type}`" in text
