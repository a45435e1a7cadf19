import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from hearth.cases import services, tasks
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.cases.rules import TaskStatus, task_status
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.workingdays.selectors import current_calendar

pytestmark = pytest.mark.django_db


def open_task(child, *, due_on, kind=TaskKind.VISIT_CIN, source=None):
    return tasks.task_open(kind=kind, child=child, source=source or child, due_on=due_on,
                           rule="test v1")


def test_a_task_takes_the_childs_team_and_worker(personas):
    child = personas.child_for(personas.sw_alice)
    task = open_task(child, due_on=dt.date(2026, 12, 1))
    assert (task.team, task.worker) == (personas.team_a, personas.sw_alice)


def test_opening_again_moves_the_due_date_rather_than_duplicating(personas):
    child = personas.child_for(personas.sw_alice)
    open_task(child, due_on=dt.date(2026, 12, 1))
    open_task(child, due_on=dt.date(2026, 12, 8))
    assert StatutoryTask.objects.open().get(child=child).due_on == dt.date(2026, 12, 8)


def test_closing_records_when_the_work_was_done(personas):
    child = personas.child_for(personas.sw_alice)
    open_task(child, due_on=dt.date(2026, 12, 1))
    assert tasks.task_close(kind=TaskKind.VISIT_CIN, source=child,
                            done_on=dt.date(2026, 12, 2), actor=personas.sw_alice) == 1
    task = StatutoryTask.objects.get(child=child)
    assert task.closed_on == dt.date(2026, 12, 2) and task.was_late


def test_a_transfer_moves_open_tasks_to_the_new_team(personas):
    child = personas.child_for(personas.sw_alice)
    open_task(child, due_on=dt.date(2026, 12, 1))
    services.child_allocate(child=child, team=personas.team_b, worker=personas.sw_charlie,
                            start_date=child.allocations.get().start_date, actor=personas.tm_bob)
    task = StatutoryTask.objects.get(child=child)
    assert (task.team, task.worker) == (personas.team_b, personas.sw_charlie)


@pytest.mark.parametrize("due_on, status", [
    (dt.date(2026, 11, 20), TaskStatus.OVERDUE),
    (dt.date(2026, 11, 23), TaskStatus.DUE_TODAY),
    (dt.date(2026, 11, 25), TaskStatus.DUE_SOON),
    (dt.date(2026, 11, 26), TaskStatus.ON_TRACK),
])
def test_status_comes_from_the_due_date_and_today(due_on, status):
    monday = dt.date(2026, 11, 23)
    assert task_status(due_on, today=monday, calendar=current_calendar()) == status


def test_due_soon_counts_working_days_over_christmas():
    christmas_eve = dt.date(2026, 12, 24)
    # 25 and 28 December 2026 are bank holidays: two working days on is 30 December.
    calendar = current_calendar()
    assert task_status(dt.date(2026, 12, 30), today=christmas_eve,
                       calendar=calendar) == TaskStatus.DUE_SOON
    assert task_status(dt.date(2026, 12, 31), today=christmas_eve,
                       calendar=calendar) == TaskStatus.ON_TRACK


def test_my_work_shows_my_tasks_with_their_status_as_time_passes(client, personas):
    mine = personas.child_for(personas.sw_alice)
    theirs = personas.child_for(personas.sw_charlie, personas.team_b)
    open_task(mine, due_on=dt.date(2026, 12, 1))
    open_task(theirs, due_on=dt.date(2026, 12, 1))
    with time_machine.travel(dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(personas.sw_alice)
        response = client.get(reverse("work:mine"))
        assert [t.child for t, _ in response.context["rows"]] == [mine]
        assert response.context["rows"][0][1] == TaskStatus.DUE_SOON
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(personas.sw_alice)
        response = client.get(reverse("work:mine"), {"status": "overdue"})
        assert response.context["rows"][0][1] == TaskStatus.OVERDUE
        assert response.context["counts"][TaskStatus.OVERDUE] == 1


def test_a_team_manager_sees_the_teams_work_and_caseloads(client, personas):
    child = personas.child_for(personas.sw_alice)
    open_task(child, due_on=dt.date(2026, 12, 1))
    client.force_login(personas.tm_bob)
    response = client.get(reverse("work:team"))
    assert response.status_code == 200
    assert [t.child for t, _ in response.context["rows"]] == [child]
    assert {c.worker for c in response.context["caseloads"]} >= {personas.sw_alice}


def test_a_social_worker_cannot_see_the_service_worklist(client, personas):
    client.force_login(personas.sw_alice)
    assert client.get(reverse("work:service")).status_code == 403


def test_the_service_worklist_filters_by_worker_once_a_team_is_chosen(client, personas):
    alices = personas.child_for(personas.sw_alice)
    open_task(alices, due_on=dt.date(2026, 12, 1))
    client.force_login(personas.sm_sara)
    everyone = client.get(reverse("work:service"))
    assert "worker" not in everyone.context["form"].fields
    assert "Choose a team to filter by worker" in everyone.content.decode()

    team = personas.sw_alice.team
    chosen = client.get(reverse("work:service"), {"team": team.pk, "worker": personas.sw_alice.pk})
    workers = chosen.context["form"].fields["worker"].queryset
    assert set(workers) == set(team.members.filter(is_active=True))
    assert [t.child for t, _ in chosen.context["rows"]] == [alices]


def test_the_worklist_does_not_query_per_row(client, personas, django_assert_max_num_queries):
    for _ in range(12):
        open_task(personas.child_for(personas.sw_alice), due_on=dt.date(2026, 12, 1))
    client.force_login(personas.sw_alice)
    client.get(reverse("work:mine"))  # warm the calendar cache
    with django_assert_max_num_queries(12):
        client.get(reverse("work:mine"))


def test_a_worklist_row_shows_the_due_time_the_status_and_a_link_to_the_child(client, personas):
    child = personas.child_for(personas.sw_alice, first_name="Amber", last_name="O'Neill <b>")
    task = tasks.task_open(kind=TaskKind.OFFER_RETURN_INTERVIEW, child=child, source=child,
                           due_on=dt.date(2026, 12, 1), rule="test v1",
                           due_at=dt.datetime(2026, 12, 1, 21, 30, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(personas.tm_bob)
        html = client.get(reverse("work:team")).content.decode()
    assert "1 Dec 2026<br><span class=\"govuk-hint\">by 21:30</span>" in html
    assert '<strong class="govuk-tag govuk-tag--orange">Due today</strong>' in html
    assert task.get_kind_display() in html
    assert (f'<a class="govuk-link" href="{child.get_absolute_url()}">O&#x27;NEILL &lt;B&gt;, '
            "Amber</a>") in html
    assert f"<td class=\"govuk-table__cell\">{personas.sw_alice}</td>" in html


def test_only_the_service_worklist_shows_the_team_column(client, personas):
    open_task(personas.child_for(personas.sw_alice), due_on=dt.date(2026, 12, 1))
    team_cell = f'<td class="govuk-table__cell">{personas.sw_alice.team}</td>'
    client.force_login(personas.sm_sara)
    assert team_cell in client.get(reverse("work:service")).content.decode()
    client.force_login(personas.sw_alice)
    mine = client.get(reverse("work:mine")).content.decode()
    assert team_cell not in mine and str(personas.sw_alice) not in mine.split("<tbody")[1]


def test_a_status_filter_counts_its_pages_from_the_status_counts(
        client, personas, django_assert_max_num_queries):
    child = personas.child_for(personas.sw_alice)
    for day in (1, 2, 3):
        open_task(child, due_on=dt.date(2026, 11, day), source=personas.child_for())
    open_task(child, due_on=dt.date(2026, 12, 20))
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(personas.sw_alice)
        client.get(reverse("work:mine"))  # warm the calendar cache
        with django_assert_max_num_queries(12):
            response = client.get(reverse("work:mine"), {"status": "overdue"})
    assert response.context["page_obj"].paginator.count == 3
    assert len(response.context["rows"]) == 3
    assert "3 open tasks" in response.content.decode()


def test_only_a_manager_records_a_decision(personas):
    child = personas.child_for(personas.sw_alice)
    with pytest.raises(DomainError, match="Only a manager"):
        services.case_note_add(child=child, actor=personas.sw_alice, kind="other",
                               occurred_on=dt.date(2026, 1, 5), subject="S", text="T",
                               is_decision=True)
    note = services.case_note_add(child=child, actor=personas.tm_bob, kind="management_oversight",
                                  occurred_on=dt.date(2026, 1, 5), subject="Step down",
                                  text="Agreed", is_decision=True)
    assert note.is_decision
    assert AuditEvent.objects.filter(event_code="CASE_NOTE_ADDED", child_id=child.pk).exists()


def test_a_case_note_marks_a_decision_clearly(client, personas):
    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.tm_bob)
    response = client.post(reverse("cases:add_case_note", args=[child.uuid]), {
        "kind": "management_oversight", "occurred_on_day": "5", "occurred_on_month": "1",
        "occurred_on_year": "2026", "subject": "Step down to early help", "text": "Agreed.",
        "is_decision": "on"})
    assert response.status_code == 302
    page = client.get(reverse("cases:child_case_notes", args=[child.uuid])).content.decode()
    assert "Manager&#x27;s decision" in page or "Manager's decision" in page


def test_a_visit_to_an_unseen_child_cannot_be_seen_alone(personas):
    child = personas.child_for(personas.sw_alice)
    with pytest.raises(DomainError, match="seen alone"):
        services.visit_record(child=child, plan="other", plan_id=None,
                              visited_on=dt.date(2026, 1, 5), child_seen=False,
                              seen_alone=True, actor=personas.sw_alice)


def test_a_transfer_shows_how_long_the_child_waited_for_a_worker(client, personas):
    import time_machine as tm

    with tm.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        child = personas.child_for(personas.sw_alice)
    with tm.travel(dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        services.child_allocate(child=child, team=personas.team_b, start_date=dt.date(2026, 6, 1),
                                actor=personas.tm_bob)
    with tm.travel(dt.datetime(2026, 6, 11, 9, 0, tzinfo=dt.UTC), tick=False):
        services.child_allocate(child=child, team=personas.team_b, worker=personas.sw_charlie,
                                start_date=dt.date(2026, 6, 11), actor=personas.tm_bob)
        client.force_login(personas.tm_bob)
        response = client.get(reverse("cases:transfers"))
    [transfer] = list(response.context["page_obj"])
    assert transfer.from_team == str(personas.team_a)
    assert transfer.days_in_previous_team == (dt.date(2026, 6, 1) - dt.date(2026, 3, 2)).days
    assert transfer.days_until_worker == 10


def test_a_team_chosen_by_a_bad_address_is_asked_for_again(client, personas):
    analyst_like = personas.sm_sara
    analyst_like.team = None
    analyst_like.save(update_fields=["team"])
    client.force_login(analyst_like)

    response = client.get(reverse("work:team"), {"for_team": "not-a-number"})

    assert response.status_code == 200
    assert "cases/choose_team.html" in [t.name for t in response.templates]
