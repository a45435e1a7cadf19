from hearth.core.models import AuditEvent


def audit_event_list(filters: dict):
    events = AuditEvent.objects.select_related("actor")
    if filters.get("username"):
        events = events.filter(actor__username__iexact=filters["username"])
    if filters.get("event_code"):
        events = events.filter(event_code=filters["event_code"])
    if filters.get("child_id") is not None:
        events = events.filter(child_id=filters["child_id"])
    if filters.get("date_from"):
        events = events.filter(occurred_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        events = events.filter(occurred_at__date__lte=filters["date_to"])
    return events.order_by("-occurred_at", "-id")
