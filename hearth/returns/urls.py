from django.urls import path

from hearth.returns import views

app_name = "returns"

urlpatterns = [
    path("children-in-need-census/", views.cin_census_view, name="cin_census"),
    path("children-in-need-census/<int:year>/download/", views.cin_census_download_view,
         name="cin_census_download"),
]
