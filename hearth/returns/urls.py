from django.urls import path

from hearth.returns import job_views, views

app_name = "returns"

urlpatterns = [
    path("children-in-need-census/", views.cin_census_view, name="cin_census"),
    path("children-in-need-census/build/", job_views.cin_census_build_view,
         name="cin_census_build"),
    path("ofsted-annex-a/", views.annex_a_view, name="annex_a"),
    path("ofsted-annex-a/build/", job_views.annex_a_build_view, name="annex_a_build"),
    path("ofsted-annex-a/<str:as_at>/download/", views.annex_a_download_view,
         name="annex_a_download"),
    path("ssda903/", views.ssda903_view, name="ssda903"),
    path("ssda903/build/", job_views.ssda903_build_view, name="ssda903_build"),
    path("jobs/<uuid:job_id>/", job_views.return_job_view, name="return_job"),
    path("jobs/<uuid:job_id>/status.json", job_views.return_job_status_view,
         name="return_job_status"),
    path("jobs/<uuid:job_id>/download/", job_views.return_job_download_view,
         name="return_job_download"),
]
