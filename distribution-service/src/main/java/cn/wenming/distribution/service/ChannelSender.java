package cn.wenming.distribution.service;

import cn.wenming.distribution.domain.Channel;

/** Sends one claimed delivery over its channel; never throws for the receiver's failures, it reports them. */
public interface ChannelSender {

    Channel channel();

    Outcome send(DeliveryService.Claim claim);
}
