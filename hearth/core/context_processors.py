from django.conf import settings


def service(request):
    return {"service_name": settings.HEARTH_SERVICE_NAME}
