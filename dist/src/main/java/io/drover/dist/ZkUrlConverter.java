package io.drover.dist;

import io.drover.core.InvalidValueException;
import io.drover.protocol.net.ZkUrl;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --zk zk://host:2181/drover}. */
final class ZkUrlConverter implements ITypeConverter<ZkUrl> {
  @Override
  public ZkUrl convert(String value) {
    try {
      return ZkUrl.parse(value);
    } catch (InvalidValueException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
