"""Time expressions: find and resolve date phrases against the publication date."""
