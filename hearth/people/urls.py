from django.urls import path

from hearth.people import edit_views, record_views, search_views

app_name = "people"
urlpatterns = [
    path("", search_views.search_view, name="search"),
    path("new/", edit_views.add_person_view, name="add_person"),
    path("<uuid:person_uuid>/", record_views.person_view, name="person"),
    path("<uuid:person_uuid>/family/", record_views.person_family_view, name="person_family"),
    path("<uuid:person_uuid>/addresses/", record_views.person_addresses_view,
         name="person_addresses"),
    path("<uuid:person_uuid>/chronology/", record_views.person_chronology_view,
         name="person_chronology"),
    path("<uuid:person_uuid>/edit/", edit_views.edit_person_view, name="edit_person"),
    path("<uuid:person_uuid>/addresses/add/", edit_views.add_address_view, name="add_address"),
    path("<uuid:person_uuid>/links/add/", edit_views.add_relationship_view,
         name="add_relationship"),
    path("<uuid:person_uuid>/links/<int:link_id>/end/", edit_views.end_relationship_view,
         name="end_relationship"),
    path("<uuid:person_uuid>/warnings/add/", edit_views.add_warning_view, name="add_warning"),
    path("<uuid:person_uuid>/warnings/<int:warning_id>/end/", edit_views.end_warning_view,
         name="end_warning"),
    path("<uuid:person_uuid>/access/", edit_views.record_access_view, name="record_access"),
]
