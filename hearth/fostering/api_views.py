"""Fostering households, the fostering worklist, vacancies and the provider register over the
API: the same permissions, services and audit as the pages. A household or provider that does
not exist is a 404."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, Pager, paged, record_with, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.fostering import api_serializers as s
from hearth.fostering import selectors, services
from hearth.fostering.access import access_household, access_provider
from hearth.fostering.forms import (
    HouseholdListForm,
    ProviderListForm,
    VacancySearchForm,
    WorkFilterForm,
)
from hearth.workingdays.selectors import current_calendar

HOUSEHOLDS = requires_per_method(GET="fostering.view_households",
                                 POST="fostering.record_enquiry")
READ_ONE = requires("fostering.view_households")
PANEL = requires("fostering.record_panel")
DECISION = requires("fostering.record_adm_decision")
REVIEW = requires("fostering.record_assessment")
VACANCIES = requires("fostering.find_carer")
WORK = requires("fostering.view_fostering_work")
PROVIDERS = requires_per_method(GET="fostering.view_providers",
                                POST="fostering.manage_providers")
PROVIDER = requires("fostering.view_providers")
TAGS = ["fostering"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


def _bad_query(form) -> Response:
    return Response({k: list(v) for k, v in form.errors.items()},
                    status=status.HTTP_400_BAD_REQUEST)


def _shown(household, code: int = status.HTTP_200_OK) -> Response:
    record = selectors.household_record(household, today=clock.today(),
                                        calendar=current_calendar())
    return Response(s.FosteringHouseholdSerializer(record).data, status=code)


class HouseholdsView(ApiView):
    pagination_class = Pager
    permission_classes = [HOUSEHOLDS]
    hearth_permission = HOUSEHOLDS.label

    @extend_schema(operation_id="fostering_households_list", tags=TAGS,
                   summary="Fostering households (paged), with the list page's filters",
                   parameters=[OpenApiParameter("q", str), OpenApiParameter("status", str),
                               OpenApiParameter("household_type", str),
                               OpenApiParameter("sort", str)],
                   responses={**REFUSALS, 400: FIELD_ERRORS,
                              200: s.FosteringHouseholdRowSerializer(many=True)})
    def get(self, request: Request) -> Response:
        form = HouseholdListForm(request.query_params or None,
                                 workers=selectors.supervising_social_workers())
        if request.query_params and not form.is_valid():
            return _bad_query(form)
        data = form.cleaned_data if form.is_bound else {}
        filters = selectors.HouseholdFilters(
            query=data.get("q", ""), status=data.get("status", ""),
            household_type=data.get("household_type", ""),
            worker_id=getattr(data.get("worker"), "pk", None),
            sort=data.get("sort") or "reference")
        page, respond = paged(request, self, selectors.household_list(filters))
        services.households_listed(actor=request.user, households=page, where="api")
        return respond(s.FosteringHouseholdRowSerializer(page, many=True).data)

    @extend_schema(operation_id="fostering_households_create", tags=TAGS,
                   summary="Record a fostering enquiry (a new household)",
                   request=s.FosteringEnquirySerializer,
                   responses={**WRITE, 201: s.FosteringHouseholdSerializer})
    def post(self, request: Request) -> Response:
        form = s.FosteringEnquirySerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        household, error = run_service(lambda: services.household_record_enquiry(
            household_type=data["household_type"], enquiry_on=data["enquiry_on"],
            postcode=data["postcode"], actor=request.user,
            carers=[services.Carer(**c) for c in data["carers"]]))
        return error or _shown(household, status.HTTP_201_CREATED)


class HouseholdView(ApiView):
    permission_classes = [READ_ONE]
    hearth_permission = READ_ONE.label

    @extend_schema(operation_id="fostering_households_read", tags=TAGS,
                   summary="One household: carers, terms, capacity, panels and reviews",
                   responses={**READ, 200: s.FosteringHouseholdSerializer})
    def get(self, request: Request, household_id: int) -> Response:
        household = access_household(request.user, household_id)
        services.household_viewed(actor=request.user, household=household, how="api")
        return _shown(household)


def _household_write(request, household_id, serializer_class, service) -> Response:
    household = access_household(request.user, household_id)
    form = serializer_class(data=request.data)
    form.is_valid(raise_exception=True)
    _done, error = run_service(lambda: service(household, form.validated_data))
    household.refresh_from_db()
    return error or _shown(household, status.HTTP_201_CREATED)


class PanelRecommendationsView(ApiView):
    permission_classes = [PANEL]
    hearth_permission = PANEL.label

    @extend_schema(operation_id="fostering_panel_recommendations_create", tags=TAGS,
                   summary="Record the fostering panel's recommendation (starts the 7 working "
                           "day clock for the agency decision)",
                   request=s.FosteringPanelInputSerializer,
                   responses={**WRITE, 201: s.FosteringHouseholdSerializer})
    def post(self, request: Request, household_id: int) -> Response:
        return _household_write(request, household_id, s.FosteringPanelInputSerializer,
                                lambda h, d: services.panel_recommendation_record(
                                    household=h, actor=request.user, **d))


class AdmDecisionView(ApiView):
    permission_classes = [DECISION]
    hearth_permission = DECISION.label

    @extend_schema(operation_id="fostering_adm_decision_create", tags=TAGS,
                   summary="Record the agency decision maker's decision on the waiting "
                           "recommendation", request=s.FosteringAdmDecisionSerializer,
                   responses={**WRITE, 201: s.FosteringHouseholdSerializer})
    def post(self, request: Request, household_id: int) -> Response:
        return _household_write(request, household_id, s.FosteringAdmDecisionSerializer,
                                lambda h, d: services.adm_decision_record(
                                    household=h, actor=request.user, **d))


class ReviewsView(ApiView):
    permission_classes = [REVIEW]
    hearth_permission = REVIEW.label

    @extend_schema(operation_id="fostering_reviews_create", tags=TAGS,
                   summary="Record an annual review of approval (the next is due a year on)",
                   request=s.FosteringReviewInputSerializer,
                   responses={**WRITE, 201: s.FosteringHouseholdSerializer})
    def post(self, request: Request, household_id: int) -> Response:
        return _household_write(request, household_id, s.FosteringReviewInputSerializer,
                                lambda h, d: services.review_record(
                                    household=h, actor=request.user, **d))


class VacanciesView(ApiView):
    pagination_class = Pager
    permission_classes = [VACANCIES]
    hearth_permission = VACANCIES.label

    @extend_schema(operation_id="fostering_vacancies_list", tags=TAGS,
                   summary="Approved households with vacancies for a child like this (paged)",
                   parameters=[OpenApiParameter("age", int), OpenApiParameter("sex", str),
                               OpenApiParameter("care_type", str),
                               OpenApiParameter("household_type", str)],
                   responses={**REFUSALS, 400: FIELD_ERRORS,
                              200: s.FosteringVacancySerializer(many=True)})
    def get(self, request: Request) -> Response:
        form = VacancySearchForm(request.query_params)
        if not form.is_valid():
            return _bad_query(form)
        data = form.cleaned_data
        search = selectors.CarerSearch(age=data.get("age"), sex=data.get("sex", ""),
                                       care_type=data.get("care_type", ""),
                                       household_type=data.get("household_type", ""))
        page, respond = paged(request, self, selectors.vacancy_list(search))
        services.households_listed(actor=request.user, households=page, where="api vacancies")
        return respond(s.FosteringVacancySerializer(page, many=True).data)


class WorkView(ApiView):
    pagination_class = Pager
    permission_classes = [WORK]
    hearth_permission = WORK.label

    @extend_schema(operation_id="fostering_work_list", tags=TAGS,
                   summary="Open fostering tasks, the earliest due first (paged)",
                   parameters=[OpenApiParameter("worker", int), OpenApiParameter("kind", str),
                               OpenApiParameter("status", str)],
                   responses={**REFUSALS, 400: FIELD_ERRORS,
                              200: s.FosteringTaskSerializer(many=True)})
    def get(self, request: Request) -> Response:
        today, calendar = clock.today(), current_calendar()
        # The work page's own filter form: a kind or status it does not offer is a 400.
        form = WorkFilterForm(request.query_params or None,
                              workers=selectors.supervising_social_workers())
        if request.query_params and not form.is_valid():
            return _bad_query(form)
        data = form.cleaned_data if form.is_bound else {}
        filters = selectors.WorkFilters(worker_id=getattr(data.get("worker"), "pk", None),
                                        kind=data.get("kind", ""), status=data.get("status", ""))
        page, respond = paged(request, self, selectors.work_list(filters, today=today,
                                                                 calendar=calendar))
        Auditor(request.user).record("FOSTERING_WORK_VIEWED", detail={"how": "api"})
        rows = selectors.work_rows(page, today=today, calendar=calendar)
        return respond(s.FosteringTaskSerializer(rows, many=True).data)


class ProvidersView(ApiView):
    pagination_class = Pager
    permission_classes = [PROVIDERS]
    hearth_permission = PROVIDERS.label

    @extend_schema(operation_id="providers_list", tags=TAGS,
                   summary="The provider register (paged), with the register page's filters",
                   parameters=[OpenApiParameter("q", str), OpenApiParameter("kind", str),
                               OpenApiParameter("registration", str),
                               OpenApiParameter("sort", str)],
                   responses={**REFUSALS, 400: FIELD_ERRORS,
                              200: s.ProviderRegisterSerializer(many=True)})
    def get(self, request: Request) -> Response:
        form = ProviderListForm(request.query_params or None)
        if request.query_params and not form.is_valid():
            return _bad_query(form)
        data = form.cleaned_data if form.is_bound else {}
        filters = selectors.ProviderFilters(query=data.get("q", ""), kind=data.get("kind", ""),
                                            registration=data.get("registration", ""),
                                            sort=data.get("sort") or "name")
        page, respond = paged(request, self, selectors.provider_list(filters))
        return respond(s.ProviderRegisterSerializer(page, many=True).data)

    @extend_schema(operation_id="providers_create", tags=TAGS,
                   summary="Add a provider to the register", request=s.ProviderRegisterSerializer,
                   responses={**WRITE, 201: s.ProviderRegisterSerializer})
    def post(self, request: Request) -> Response:
        return record_with(request, s.ProviderRegisterSerializer, lambda data: _with_placed(
            services.provider_record(actor=request.user, **data)))


def _with_placed(provider):
    """The new entry as the register lists it: with the children placed there already."""
    everyone = selectors.ProviderFilters(query="", kind="", registration="", sort="name")
    return selectors.provider_list(everyone).get(pk=provider.pk)


class ProviderView(ApiView):
    permission_classes = [PROVIDER]
    hearth_permission = PROVIDER.label

    @extend_schema(operation_id="providers_read", tags=TAGS, summary="One provider",
                   responses={**READ, 200: s.ProviderRegisterSerializer})
    def get(self, request: Request, provider_id: int) -> Response:
        provider = access_provider(request.user, provider_id)
        services.provider_viewed(actor=request.user, provider=provider)
        return Response(s.ProviderRegisterSerializer(provider).data)
