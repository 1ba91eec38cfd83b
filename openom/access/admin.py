"""The access log and audit trail are not in the admin: they name people, and system
administrators see no case data. Managers read a case's log on its Access tab."""
