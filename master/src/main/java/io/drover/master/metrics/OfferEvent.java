package io.drover.master.metrics;

/** What happened to offers, for {@code drover_master_offers_total{event}}. */
public enum OfferEvent {
  SENT,
  DECLINED,
  ACCEPTED,
  RESCINDED;

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
