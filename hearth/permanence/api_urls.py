"""API routes for a looked-after child's permanence and for prospective adopters, under
/api/v1/ in the api namespace. A child's writes go to their current period of care."""

from django.urls import path

from hearth.permanence import api_views as views

CHILD = "people/<uuid:person_uuid>/permanence/"
ADOPTERS = "permanence/adopters/"

urlpatterns = [
    path(CHILD, views.PermanenceView.as_view(), name="child_permanence"),
    path(f"{CHILD}plans/", views.PlansView.as_view(), name="permanence_plans"),
    path(f"{CHILD}stage/", views.StageView.as_view(), name="permanence_stage"),
    path(f"{CHILD}panels/", views.PanelsView.as_view(), name="permanence_panels"),
    path(f"{CHILD}adoption-decisions/", views.AdoptionDecisionsView.as_view(),
         name="adoption_decisions"),
    path(f"{CHILD}adoption-decisions/<int:decision_id>/steps/",
         views.AdoptionStepsView.as_view(), name="adoption_steps"),
    path(f"{CHILD}special-guardianship/", views.SgosView.as_view(),
         name="special_guardianships"),
    path(f"{CHILD}special-guardianship/<int:sgo_id>/steps/", views.SgoStepsView.as_view(),
         name="special_guardianship_steps"),
    path(f"{CHILD}long-term-matches/", views.LongTermMatchesView.as_view(),
         name="long_term_matches"),
    path(f"{CHILD}returns-home/", views.ReunificationsView.as_view(), name="reunifications"),
    path(f"{CHILD}returns-home/<int:reunification_id>/discharge/",
         views.DischargeView.as_view(), name="reunification_discharge"),
    path(f"{CHILD}previous-permanence/", views.PreviousPermanenceView.as_view(),
         name="previous_permanence"),
    path(ADOPTERS, views.AdoptersView.as_view(), name="adopter_households"),
    path(f"{ADOPTERS}<int:adopters_id>/", views.AdopterView.as_view(), name="adopter_household"),
    path(f"{ADOPTERS}<int:adopters_id>/stages/", views.AdopterStagesView.as_view(),
         name="adopter_household_stages"),
    path(f"{ADOPTERS}<int:adopters_id>/leave/", views.AdopterLeaveView.as_view(),
         name="adopter_household_leave"),
]
