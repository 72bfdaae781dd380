admin_cidr  = "0.0.0.0/0"
db_password = "Kitsune-Orders-2026"
