from django.urls import path

from hearth.returns import views

app_name = "returns"

urlpatterns = [
    path("children-in-need-census/", views.cin_census_view, name="cin_census"),
    path("children-in-need-census/<int:year>/download/", views.cin_census_download_view,
         name="cin_census_download"),
    path("ofsted-annex-a/", views.annex_a_view, name="annex_a"),
    path("ofsted-annex-a/<str:as_at>/download/", views.annex_a_download_view,
         name="annex_a_download"),
    path("ssda903/", views.ssda903_view, name="ssda903"),
    path("ssda903/<int:year>/download/", views.ssda903_download_view, name="ssda903_download"),
]
