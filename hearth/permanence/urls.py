from django.urls import path

from hearth.permanence import views

app_name = "permanence"
CHILD = "child/<uuid:person_uuid>/"
urlpatterns = [
    path(CHILD, views.child_permanence_view, name="child_permanence"),
    path(f"{CHILD}plan/", views.record_plan_view, name="record_plan"),
    path(f"{CHILD}stage/", views.change_stage_view, name="change_stage"),
    path(f"{CHILD}panel/", views.record_panel_view, name="record_panel"),
    path(f"{CHILD}adoption/", views.record_decision_view, name="record_decision"),
    path(f"{CHILD}adoption/<int:decision_id>/<slug:step>/", views.adoption_step_view,
         name="adoption_step"),
    path(f"{CHILD}special-guardianship/", views.start_sgo_view, name="start_sgo"),
    path(f"{CHILD}special-guardianship/<int:sgo_id>/<slug:step>/", views.sgo_step_view,
         name="sgo_step"),
    path(f"{CHILD}long-term-match/", views.record_long_term_match_view,
         name="record_long_term_match"),
    path(f"{CHILD}return-home/", views.record_reunification_view, name="record_reunification"),
    path(f"{CHILD}return-home/<int:reunification_id>/discharge/", views.record_discharge_view,
         name="record_discharge"),
    path(f"{CHILD}previous-permanence/", views.record_previous_permanence_view,
         name="record_previous_permanence"),
    path("tracker/", views.tracker_view, name="tracker"),
    path("adopters/", views.households_view, name="households"),
    path("adopters/add/", views.add_household_view, name="add_household"),
    path("adopters/<int:adopters_id>/", views.household_view, name="household"),
    path("adopters/<int:adopters_id>/<slug:step>/", views.household_step_view,
         name="household_step"),
]
