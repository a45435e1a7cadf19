from hearth.drafts import services

SAVED = (302, 303)


class DraftsMiddleware:
    """A form that saved (a POST answered with a redirect, as every Hearth form is) no longer
    needs its draft: delete it, whichever form it was."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (request.method == "POST" and response.status_code in SAVED and user is not None
                and user.is_authenticated and not request.path.startswith("/drafts/")):
            services.drafts_done(author=user, path=request.path)
        return response
