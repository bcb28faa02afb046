import ActorSystem

/// The supervision layer (supervision trees); built in its own issue.
public enum SupervisionLayer {}
