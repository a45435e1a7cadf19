app_name = "cin"
urlpatterns: list = []
