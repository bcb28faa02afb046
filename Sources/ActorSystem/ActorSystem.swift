import ComponentModel

/// The actor layer (mailboxes, scheduling); built in its own issue.
public enum ActorSystemLayer {}
