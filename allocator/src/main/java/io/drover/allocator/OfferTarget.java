package io.drover.allocator;

import io.drover.core.FrameworkId;

/** Who an offer is for: a framework, under one of its roles. */
record OfferTarget(FrameworkId frameworkId, String role) {}
