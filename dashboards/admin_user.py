"""Create the Superset admin account, or reset its password, from MINZHENG_SUPERSET_PASSWORD.

Runs inside .venv-superset (started by dashboards/server.py), so the password
never appears on a command line.
"""

import os

from superset.app import create_app

USERNAME = "admin"

app = create_app()
with app.app_context():
    from superset import security_manager
    from werkzeug.security import check_password_hash

    password = os.environ["MINZHENG_SUPERSET_PASSWORD"]
    user = security_manager.find_user(username=USERNAME)
    if user is None:
        admin_role = security_manager.find_role("Admin")
        created = security_manager.add_user(
            USERNAME, "minzheng", "admin", "admin@localhost", admin_role, password=password
        )
        if not created:
            raise SystemExit("could not create the Superset admin user")
        print(f"created Superset user {USERNAME}")
    elif not check_password_hash(user.password, password):
        security_manager.reset_password(user.id, password)
        print(f"reset the password of Superset user {USERNAME}")
