from django.urls import path

from hearth.governance import views

app_name = "governance"
MEETING = "meetings/<int:meeting_id>/"
PLAN = "plans/<int:improvement_plan_id>/"
PRIORITY = f"{PLAN}priorities/<int:priority_id>/"
EVALUATION = "self-evaluation/<int:self_evaluation_id>/"
urlpatterns = [
    path("meetings/", views.meetings_view, name="meetings"),
    path("meetings/new/", views.record_meeting_view, name="record_meeting"),
    path("committees/new/", views.add_committee_view, name="add_committee"),
    path(MEETING, views.meeting_view, name="meeting"),
    path(f"{MEETING}change/", views.change_meeting_view, name="change_meeting"),
    path(f"{MEETING}agenda/new/", views.add_agenda_item_view, name="add_agenda_item"),
    path(f"{MEETING}attendance/new/", views.add_attendance_view, name="add_attendance"),
    path(f"{MEETING}declarations/new/", views.add_declaration_view, name="add_declaration"),
    path(f"{MEETING}minutes/new/", views.add_minute_view, name="add_minute"),
    path(f"{MEETING}minutes/<int:minute_id>/resolutions/new/", views.add_resolution_view,
         name="add_resolution"),
    path("tracker/", views.tracker_view, name="tracker"),
    path("tracker/word/", views.tracker_word_view, name="tracker_word"),
    path("tracker/<int:tracker_action_id>/", views.tracker_action_view, name="tracker_action"),
    path("tracker/<int:tracker_action_id>/update/", views.update_tracker_action_view,
         name="update_tracker_action"),
    path("plans/", views.plans_view, name="plans"),
    path("plans/new/", views.add_plan_view, name="add_plan"),
    path(PLAN, views.plan_view, name="plan"),
    path(f"{PLAN}report/", views.progress_report_view, name="progress_report"),
    path(f"{PLAN}priorities/new/", views.add_priority_view, name="add_priority"),
    path(PRIORITY, views.priority_view, name="priority"),
    path(f"{PRIORITY}change/", views.change_priority_view, name="change_priority"),
    path(f"{PRIORITY}actions/new/", views.add_action_view, name="add_action"),
    path(f"{PRIORITY}measures/new/", views.add_measure_view, name="add_measure"),
    path(f"{PLAN}actions/<int:improvement_action_id>/update/", views.update_action_view,
         name="update_action"),
    path("self-evaluation/", views.self_evaluations_view, name="self_evaluations"),
    path("self-evaluation/new/", views.start_self_evaluation_view,
         name="start_self_evaluation"),
    path(EVALUATION, views.self_evaluation_view, name="self_evaluation"),
    path(f"{EVALUATION}sections/<slug:area>/", views.edit_section_view, name="edit_section"),
    path(f"{EVALUATION}word/", views.self_evaluation_word_view, name="self_evaluation_word"),
]
