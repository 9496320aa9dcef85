"""Reports about the workspace's own records that are not returns (those are in
``trustdesk.returns``), such as the subject access report of one young person."""
