"""Home pages: each role's worklist of what to do next, the page `/` opens after signing in.

An interface layer: it reads from practice (allocation, contacts, enforcement, assessment,
tiering, worklist) and public protection (victims, release, MAPPA, IOM) through their models and
selectors, always starting from what `openom.access` lets the user see, and never writes.
"""
