from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware


class GovukAssetsMiddleware(WhiteNoiseMiddleware):
    """Static files, plus GOV.UK Frontend's fonts and images at /assets/ where its CSS expects them.

    The files come from node_modules (installed from the npm registry by `make setup`); nothing
    of GOV.UK Frontend is copied into the repository.
    """

    def __init__(self, get_response=None, settings_override=None):
        super().__init__(get_response)
        assets = settings.NODE_MODULES / "govuk-frontend" / "dist" / "govuk" / "assets"
        if assets.is_dir():
            self.add_files(str(assets), prefix="assets/")
