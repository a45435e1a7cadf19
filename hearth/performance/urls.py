from django.urls import path

from hearth.performance import views

app_name = "performance"

urlpatterns = [
    path("scorecard/", views.scorecard_view, name="scorecard"),
    path("figures/compute/", views.compute_view, name="compute"),
    path("figures/add/", views.figure_add_view, name="figure_add"),
    path("quarters/<str:slug>/freeze/", views.freeze_view, name="freeze"),
    path("teams/", views.team_dashboard_view, name="team_dashboard"),
    path("population/", views.population_view, name="population"),
    path("indicators/<str:code>/<str:slug>/", views.indicator_view, name="indicator"),
    path("commentary/<str:code>/<str:slug>/", views.commentary_view, name="commentary"),
    path("commentary/<str:code>/<str:slug>/approve/", views.commentary_approve_view,
         name="commentary_approve"),
    path("reports/<str:slug>/", views.report_view, name="report"),
    path("reports/<str:slug>/word/", views.report_word_view, name="report_word"),
]
