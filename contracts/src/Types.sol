// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// One entry of a provider's row (PROTOCOL.md section 3): the provider's mutual-recognition
/// weight for the recipient and the recipient's residual need this round.
struct Entry {
    address recipient;
    uint256 mr;
    uint256 residual;
}

/// A provider's header in the round's manifest (section 3).
struct ProviderHeader {
    address provider;
    uint256 capacity;
    uint256 entryOffset;
    uint256 entryCount;
    bytes32 entriesRoot;
}

/// Header p with its proof against the round's providersRoot: depth(P) sibling hashes, bottom-up.
/// In calldata, p and the header are six consecutive words: the provider leaf's preimage.
struct HeaderProof {
    uint256 p;
    ProviderHeader header;
    bytes32[] proof;
}

/// Entry j of a row with its proof against the row header's entriesRoot: depth(entryCount)
/// sibling hashes, bottom-up. In calldata the entry is three words: the entry leaf's preimage.
struct EntryProof {
    uint256 j;
    Entry entry;
    bytes32[] proof;
}
