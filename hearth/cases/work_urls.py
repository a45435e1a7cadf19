from django.urls import path

from hearth.cases import work_views

app_name = "work"
urlpatterns = [
    path("", work_views.my_work_view, name="mine"),
    path("team/", work_views.team_work_view, name="team"),
    path("service/", work_views.service_work_view, name="service"),
]
