"""API routes for fostering and the provider register, included under /api/v1/."""

from django.urls import path

from hearth.fostering import api_views as views

HOUSEHOLD = "fostering/households/<int:household_id>/"

urlpatterns = [
    path("fostering/households/", views.HouseholdsView.as_view(), name="fostering_households"),
    path(HOUSEHOLD, views.HouseholdView.as_view(), name="fostering_household"),
    path(f"{HOUSEHOLD}panel-recommendations/", views.PanelRecommendationsView.as_view(),
         name="fostering_panel_recommendations"),
    path(f"{HOUSEHOLD}adm-decision/", views.AdmDecisionView.as_view(),
         name="fostering_adm_decision"),
    path(f"{HOUSEHOLD}reviews/", views.ReviewsView.as_view(), name="fostering_reviews"),
    path("fostering/vacancies/", views.VacanciesView.as_view(), name="fostering_vacancies"),
    path("fostering/work/", views.WorkView.as_view(), name="fostering_work"),
    path("providers/", views.ProvidersView.as_view(), name="providers"),
    path("providers/<int:provider_id>/", views.ProviderView.as_view(), name="provider"),
]
